# Empty compiler generated dependencies file for libcvet.
# This may be replaced when dependencies are built.
