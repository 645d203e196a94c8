CMakeFiles/libcvet.dir/rule_docs.c.o: /work/main/build/rule_docs.c \
 /usr/include/stdc-predef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h
