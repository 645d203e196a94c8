# Empty compiler generated dependencies file for test_checksc.
# This may be replaced when dependencies are built.
