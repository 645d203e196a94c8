# Empty dependencies file for test_deps_scan.
# This may be replaced when dependencies are built.
