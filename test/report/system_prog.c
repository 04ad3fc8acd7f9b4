/* system_prog.c: system() reaches fork-like and wait calls inside libc; the
 * refusal names system() itself, the call the program made. */
#include <stdlib.h>

int main(int argc, char **argv)
{
    (void)argv;
    return argc > 5 ? system("true") : 0;
}
