/* rtc.c: the wall clock at boot, from the CMOS real-time clock. */
#include "kernel.h"
#include "x86.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71

static uint8_t cmos_read(uint8_t reg)
{
    outb(CMOS_INDEX, reg | 0x80); /* bit 7 keeps NMIs masked */
    return inb(CMOS_DATA);
}

static unsigned from_bcd(uint8_t v, int bcd)
{
    return bcd ? (v >> 4) * 10u + (v & 0x0f) : v;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* Seconds since the epoch, or 0 if there is no RTC. */
int64_t rtc_read_epoch(void)
{
    uint8_t sec, min, hour, day, mon, year, cent, again;
    int spins = 0;
    do {
        while (cmos_read(0x0a) & 0x80) /* update in progress */
            if (++spins > 1000000)
                return 0;
        sec = cmos_read(0x00);
        min = cmos_read(0x02);
        hour = cmos_read(0x04);
        day = cmos_read(0x07);
        mon = cmos_read(0x08);
        year = cmos_read(0x09);
        cent = cmos_read(0x32);
        again = cmos_read(0x00);
    } while (again != sec);
    if (sec == 0xff && mon == 0xff)
        return 0;

    uint8_t status_b = cmos_read(0x0b);
    int bcd = !(status_b & 0x04);
    int pm = hour & 0x80;
    unsigned h = from_bcd(hour & 0x7f, bcd);
    if (!(status_b & 0x02) && pm) /* 12-hour clock */
        h = (h % 12) + 12;
    unsigned c = from_bcd(cent, bcd);
    int64_t y = (c >= 19 && c <= 21 ? c : 20) * 100 + from_bcd(year, bcd);
    int64_t days = days_from_civil(y, from_bcd(mon, bcd), from_bcd(day, bcd));
    return days * 86400 + h * 3600 + from_bcd(min, bcd) * 60 +
           from_bcd(sec, bcd);
}
