/* component.c: the network components, for ukcc's report (no code). */
#include "component.h"

UK_COMPONENT(sockets, "POSIX sockets over lwIP: socket, bind, send, poll",
             "lwip threads events",
             "runtime/net/*");
UK_COMPONENT(lwip, "lwIP TCP/IP stack (Debian's lwIP 2.1.3)",
             "virtio-net", "*/lwip-*/src/*");
UK_COMPONENT(virtio-net, "virtio-net driver", "virtio interrupts",
             "kernel/virtio/net.c");
