# Empty compiler generated dependencies file for test_walker.
# This may be replaced when dependencies are built.
