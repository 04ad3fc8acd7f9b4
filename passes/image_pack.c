/* image_pack.c: the image_pack pass, read as its pipeline. */
#include "pack.h"
#include "passes.h"

/*
 * lld page-aligns every segment in the file as in memory; this pass drops
 * that padding. The multiboot loader copies the file linearly to 0x100000
 * and the PVH loader loads each PT_LOAD at its p_paddr, so both leave a
 * segment at 0x100000 + its file offset, and boot.S moves it up to p_vaddr.
 * pack_layout.c has the exact rule.
 */
int image_pack(const char *in_path, const char *out_path, char *err,
               size_t errlen)
{
    struct pack p = {
        .in_path = in_path, .err = err, .errlen = errlen, .in_fd = -1};
    int rc = -1;

    if (pack_read(&p) == 0 && pack_check_loads(&p) == 0 &&
        pack_layout(&p) == 0 && pack_check_entry(&p) == 0 &&
        pack_multiboot(&p) == 0 && pack_write(&p, out_path) == 0)
        rc = 0;
    pack_release(&p);
    return rc;
}
