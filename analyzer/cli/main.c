/* main.c - the cvet executable: hands the arguments to the command line module */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cvet_cli__main(argc, argv);
}
