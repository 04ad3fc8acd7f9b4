/* console.c: the 16550 UART at 0x3f8 (COM1), polled, for output and input. */
#include "kernel.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(console, "16550 serial and virtio-console stdio", "virtio",
             "kernel/arch/x86_64/console.c kernel/virtio/console.c "
             "runtime/io/console_file.c");

/*
 * QEMU connects COM1 to -serial (ukrun: stdio). Bytes go out exactly as the
 * program wrote them: no "\n" -> "\r\n" translation, because the other end
 * is a pipe or a host terminal that translates for itself.
 */
#define COM1 0x3f8
#define UART_DATA 0 /* RBR/THR; divisor low byte when DLAB is set */
#define UART_IER 1  /* interrupt enable; divisor high byte when DLAB */
#define UART_FCR 2  /* FIFO control */
#define UART_LCR 3  /* line control */
#define UART_MCR 4  /* modem control */
#define UART_LSR 5  /* line status */

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define FCR_ENABLE_CLEAR 0x07 /* enable FIFOs, clear both */
#define FCR_TRIGGER_14 0xc0
#define MCR_DTR_RTS 0x03
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define LSR_NO_UART 0xff /* what a read of an absent port returns */

/*
 * Input that arrived before console_init. Enabling the FIFOs empties the
 * receiver (QEMU flushes it whenever the enable bit changes), and QEMU had
 * already handed the UART a byte of piped stdin by then: keep such bytes
 * here and return them first.
 */
static char console_early[16];
static size_t console_early_len, console_early_pos;

static int console_has_input(void)
{
    return inb(COM1 + UART_LSR) & LSR_DATA_READY;
}

void console_init(void)
{
    if (inb(COM1 + UART_LSR) != LSR_NO_UART)
        while (console_early_len < sizeof(console_early) && console_has_input())
            console_early[console_early_len++] = (char)inb(COM1 + UART_DATA);
    outb(COM1 + UART_IER, 0); /* polled: no interrupts */
    outb(COM1 + UART_LCR, LCR_DLAB);
    outb(COM1 + UART_DATA, 1); /* divisor 1: 115200 baud */
    outb(COM1 + UART_IER, 0);
    outb(COM1 + UART_LCR, LCR_8N1);
    outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR | FCR_TRIGGER_14);
    outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

static void console_putc(char c)
{
    while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
        pause();
    outb(COM1 + UART_DATA, (uint8_t)c);
}

void console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        console_putc(s[i]);
}

int console_can_read(void)
{
    return console_early_pos < console_early_len || console_has_input();
}

/* Wait for the first byte, then take only what has already arrived. */
size_t console_read(char *buf, size_t n)
{
    size_t got = 0;

    while (got < n && console_early_pos < console_early_len)
        buf[got++] = console_early[console_early_pos++];
    if (got == 0 && n > 0)
        while (!console_has_input())
            pause();
    while (got < n && console_has_input())
        buf[got++] = (char)inb(COM1 + UART_DATA);
    return got;
}
