/* nic_option.c: kernel options ip=, gw=, dns= (ukrun --ip, --gw, --dns). */
#include <string.h>

#include "runtime.h"

struct nic_static nic_static;

/* Dotted quad to a host-order value; -1 if it is not one. */
static int nic_parse_addr(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0, part = 0;
    int dots = 0, digits = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9' && digits < 3) {
            part = part * 10 + (uint32_t)(s[i] - '0');
            digits++;
        } else if (s[i] == '.' && digits && dots < 3) {
            v = v << 8 | part;
            part = 0, digits = 0, dots++;
        } else {
            return -1;
        }
        if (part > 255)
            return -1;
    }
    if (dots != 3 || !digits)
        return -1;
    *out = v << 8 | part;
    return 0;
}

static int nic_parse_ip(const char *v)
{
    const char *slash = strchr(v, '/');
    uint32_t prefix = 0;

    if (!slash || !slash[1] || strlen(slash + 1) > 2 ||
        nic_parse_addr(v, (size_t)(slash - v), &nic_static.addr) < 0)
        return -1;
    for (const char *d = slash + 1; *d; d++) {
        if (*d < '0' || *d > '9')
            return -1;
        prefix = prefix * 10 + (uint32_t)(*d - '0');
    }
    if (prefix < 1 || prefix > 32)
        return -1;
    nic_static.mask = prefix == 32 ? 0xffffffffU : ~(0xffffffffU >> prefix);
    return 0;
}

int nic_parse_option(const char *word)
{
    int r;

    if (strncmp(word, "ip=", 3) == 0)
        r = nic_parse_ip(word + 3);
    else if (strncmp(word, "gw=", 3) == 0)
        r = nic_parse_addr(word + 3, strlen(word + 3), &nic_static.gw);
    else if (strncmp(word, "dns=", 4) == 0)
        r = nic_parse_addr(word + 4, strlen(word + 4), &nic_static.dns);
    else
        return 0;
    if (r < 0) {
        kprintf("ukcc: warning: bad kernel option '%s' ignored\n", word);
        if (word[0] == 'i')
            nic_static.addr = nic_static.mask = 0;
    }
    return 1;
}
