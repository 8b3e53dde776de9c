// customer-canvas: the window and the command line in one program.
#include "app/cli.h"

int main(int argc, char** argv) { return cc::runCli(argc, argv); }
