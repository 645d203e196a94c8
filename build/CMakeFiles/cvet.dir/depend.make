# Empty dependencies file for cvet.
# This may be replaced when dependencies are built.
