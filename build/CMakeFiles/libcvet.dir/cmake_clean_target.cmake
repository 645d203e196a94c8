file(REMOVE_RECURSE
  "libcvet.a"
)
