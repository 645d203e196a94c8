# Empty custom commands generated dependencies file for advisories_db.
# This may be replaced when dependencies are built.
