# Empty compiler generated dependencies file for test_advdb.
# This may be replaced when dependencies are built.
