# Empty dependencies file for test_checksa.
# This may be replaced when dependencies are built.
