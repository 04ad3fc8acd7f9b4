/* console.h: virtio-console state shared by console.c and console_rx.c. */
#ifndef UK_VIRTIO_CONSOLE_H
#define UK_VIRTIO_CONSOLE_H

#include "virtio.h"

#define VCON_PORTS 4
#define VCON_RX_BUFS 32
#define VCON_RX_BUF_SIZE 4096

struct vcon_port {
    struct virtq rx, tx;
    int added;     /* the device announced it and we made it ready */
    int host_open; /* the host end is connected */
    int was_open;  /* host_open was seen 1: a later 0 is end of input */
    int rx_posted;
    char *rx_mem;
    char *cur;     /* used input buffer being consumed, or NULL */
    uint32_t cur_len, cur_pos;
};


/* console.c: the device, its control queue and ports (port 0 unused) */
extern struct virtio_dev *vcon_dev;
extern struct virtq vcon_crx;
extern struct vcon_port vcon_ports[VCON_PORTS];
extern int vcon_nports;
void vcon_ctrl_poll(void); /* handle the control messages that came */

#endif
