CMakeFiles/cvet.dir/analyzer/main.c.o: /work/main/analyzer/main.c \
 /usr/include/stdc-predef.h /work/main/analyzer/cli.h
