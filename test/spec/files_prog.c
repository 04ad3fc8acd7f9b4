/* files_prog.c: a program with files: the vfs and hostfs inits run. */
#include <stdio.h>

int main(void)
{
    char line[128];
    FILE *f = fopen("/etc/passwd", "r");

    if (!f || !fgets(line, sizeof line, f)) {
        printf("no /etc/passwd\n");
        return 1;
    }
    printf("passwd: %s", line);
    return 0;
}
