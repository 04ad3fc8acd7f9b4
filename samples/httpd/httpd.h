/* httpd.h: a small HTTP/1.1 static file server: shared types and prototypes. */
#ifndef HTTPD_H
#define HTTPD_H

#include <stddef.h>
#include <sys/types.h>

#define HTTPD_REQ_MAX 8192     /* request line + headers, bytes */
#define HTTPD_CHUNK 16384      /* file bytes read per write attempt */
#define HTTPD_IDLE_MS 30000    /* keep-alive connections idle longer close */
#define HTTPD_LINGER_MS 2000   /* how long a closing connection drains */
#define HTTPD_PATH_MAX 1024

struct httpd_config {
    const char *root; /* document root; NULL: serve the built-in page */
    int port;
    int max_conns;
    int verbose;      /* one log line per request on stdout */
};

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_OTHER };

/* A parsed request head; strings point into the connection's buffer. */
struct http_request {
    enum http_method method;
    char path[HTTPD_PATH_MAX]; /* decoded, without query */
    int minor;                 /* HTTP/1.<minor> */
    int keep_alive;
    int has_body;              /* Content-Length > 0 or Transfer-Encoding */
};

/* READING a request head, WRITING a response, LINGERING: our side shut
 * down, unread request bytes drained until the peer closes, so that
 * closing does not reset the connection under a response in flight. */
enum conn_state { CONN_READING, CONN_WRITING, CONN_LINGERING, CONN_CLOSED };

struct conn {
    int fd;
    enum conn_state state;
    long long last_ms;         /* last activity, for the idle timeout */
    char in[HTTPD_REQ_MAX];
    size_t in_len;
    /* Response: head (and small bodies) in out, then file bytes. */
    char out[HTTPD_CHUNK];
    size_t out_len, out_off;
    int file_fd;               /* -1 when the body is not a file */
    off_t file_left;
    int close_after;           /* close once the response is sent */
    int status;                /* of the response being sent */
    int peer_eof;              /* the peer sent all it will send */
};

/* request.c: parse one request head */
/* Returns the head's length when buf holds a complete head, 0 when more
 * bytes are needed, -1 when it is malformed (answer 400). */
long request_parse(const char *buf, size_t len, struct http_request *req);

/* response.c: build a response into a connection */
void response_for(struct conn *c, const struct http_request *req,
                  const struct httpd_config *cfg);
void response_error(struct conn *c, int status, int head_only);
/* Moves bytes towards the peer; returns -1 on a broken connection, 0 when
 * the socket is full, 1 when the whole response has been sent. */
int response_send(struct conn *c);

/* mime.c: Content-Type by file name */
const char *mime_type(const char *path);

/* page.c: the page served when there is no document root */
extern const char page_builtin[];
extern const size_t page_builtin_len;

/* conn.c: one connection's life */
void conn_init(struct conn *c, int fd, long long now_ms);
/* Handles readiness; returns the poll events the connection waits for
 * next, or 0 once it is closed. */
short conn_step(struct conn *c, short revents, const struct httpd_config *cfg,
                long long now_ms);
void conn_close(struct conn *c);
/* Has the connection waited longer than its state allows? */
int conn_expired(const struct conn *c, long long now_ms);

/* loop.c: the poll loop */
int loop_run(int listen_fd, const struct httpd_config *cfg);
long long loop_now_ms(void);

#endif
