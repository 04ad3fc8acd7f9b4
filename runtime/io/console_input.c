/* console_input.c: reading and polling the virtio-console ports. */
#include <errno.h>
#include <poll.h>

#include "runtime.h"

const char console_input_link; /* see runtime.h */

long console_port_read(struct file *f, void *buf, size_t n)
{
    long r = virtio_console_read((int)(long)f->priv, buf, n);

    return r < 0 ? -EIO : r;
}

/* Polled like the UART: no queue, pollers look again. */
short console_port_poll(struct file *f, struct waitq **wq)
{
    *wq = NULL;
    if ((int)(long)f->priv > 1)
        return POLLOUT | POLLWRNORM;
    return virtio_console_can_read(1) ? POLLIN | POLLRDNORM : 0;
}
