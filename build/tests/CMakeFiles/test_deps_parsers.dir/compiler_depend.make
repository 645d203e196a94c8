# Empty compiler generated dependencies file for test_deps_parsers.
# This may be replaced when dependencies are built.
