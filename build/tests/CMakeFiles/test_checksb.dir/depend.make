# Empty dependencies file for test_checksb.
# This may be replaced when dependencies are built.
