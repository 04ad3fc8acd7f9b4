/* zlib_roundtrip.c: in-memory zlib checks; the same output on host and image. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define DATA_LEN 200000

/* Text-like data with repeats, from a fixed generator: the same bytes on
 * every run and machine, so compressed sizes can be compared. */
static void fill(unsigned char *buf, size_t len)
{
    static const char *const words[] = {"unikernel", "image", "musl",
                                        "kernel",    "qemu",  "zlib",
                                        "deflate",   "the",   "of"};
    unsigned long x = 12345;
    size_t i = 0;

    while (i < len) {
        const char *w;

        x = x * 1103515245 + 12345;
        w = words[(x >> 16) % 9];
        while (*w && i < len)
            buf[i++] = (unsigned char)*w++;
        if (i < len)
            buf[i++] = (x >> 8) % 13 ? ' ' : '\n';
    }
}

/* Deflate with small buffers, as a stream; returns the compressed size. */
static size_t stream_deflate(const unsigned char *in, size_t len,
                             unsigned char *out, size_t cap, int wbits)
{
    z_stream s = {0};
    size_t done = 0;
    int ret;

    if (deflateInit2(&s, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    s.next_out = out;
    s.avail_out = (uInt)cap;
    do {
        size_t chunk = len - done < 1000 ? len - done : 1000;

        s.next_in = (unsigned char *)in + done;
        s.avail_in = (uInt)chunk;
        done += chunk;
        ret = deflate(&s, done == len ? Z_FINISH : Z_NO_FLUSH);
    } while (ret == Z_OK && done <= len && ret != Z_STREAM_END);
    deflateEnd(&s);
    return ret == Z_STREAM_END ? s.total_out : 0;
}

static size_t stream_inflate(const unsigned char *in, size_t len,
                             unsigned char *out, size_t cap, int wbits)
{
    z_stream s = {0};
    int ret;

    if (inflateInit2(&s, wbits) != Z_OK)
        return 0;
    s.next_in = (unsigned char *)in;
    s.avail_in = (uInt)len;
    do {
        s.next_out = out + s.total_out;
        s.avail_out = cap - s.total_out < 4096 ? (uInt)(cap - s.total_out)
                                               : 4096;
        ret = inflate(&s, Z_NO_FLUSH);
    } while (ret == Z_OK);
    inflateEnd(&s);
    return ret == Z_STREAM_END ? s.total_out : 0;
}

int main(void)
{
    unsigned char *data = malloc(DATA_LEN), *z = malloc(DATA_LEN * 2),
                  *back = malloc(DATA_LEN);
    uLongf zlen, blen;
    size_t n;
    int fails = 0;

    if (!data || !z || !back)
        return 2;
    fill(data, DATA_LEN);
    printf("zlib %s crc32 %08lx adler32 %08lx bound %lu\n", zlibVersion(),
           crc32(0, data, DATA_LEN), adler32(1, data, DATA_LEN),
           compressBound(DATA_LEN));
    for (int level = 0; level <= 9; level += 3) {
        zlen = DATA_LEN * 2;
        blen = DATA_LEN;
        if (compress2(z, &zlen, data, DATA_LEN, level) != Z_OK ||
            uncompress(back, &blen, z, zlen) != Z_OK || blen != DATA_LEN ||
            memcmp(back, data, DATA_LEN) != 0)
            fails++;
        printf("level %d: %lu bytes, crc %08lx\n", level, zlen,
               crc32(0, z, zlen));
    }
    /* zlib header with the smallest window, raw deflate, gzip header. */
    static const int wbits[] = {9, -15, 31};
    for (size_t i = 0; i < sizeof(wbits) / sizeof(wbits[0]); i++) {
        n = stream_deflate(data, DATA_LEN, z, DATA_LEN * 2, wbits[i]);
        memset(back, 0, DATA_LEN);
        if (stream_inflate(z, n, back, DATA_LEN, wbits[i]) != DATA_LEN ||
            memcmp(back, data, DATA_LEN) != 0)
            fails++;
        printf("stream wbits %d: %zu bytes, head %02x%02x\n", wbits[i], n,
               z[0], z[1]);
    }
    zlen = DATA_LEN * 2;
    compress(z, &zlen, data, DATA_LEN);
    blen = DATA_LEN;
    printf("truncated: %d\n", uncompress(back, &blen, z, zlen / 2));
    z[zlen / 2] ^= 0x55;
    blen = DATA_LEN;
    printf("corrupted: %d\n", uncompress(back, &blen, z, zlen));
    printf("%s\n", fails ? "FAILED" : "SUCCESS");
    return fails != 0;
}
