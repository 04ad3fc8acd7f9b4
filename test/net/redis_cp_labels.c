/* redis_cp_labels.c: stand-ins for musl's syscall_cp.s labels. */
/* musl's pthread_cancel.c compares an interrupted pc against these to act
 * on a cancellation request that arrived inside a syscall. ukcc has no such
 * asynchronous window, so labels that bound nothing are correct. The test
 * uses this only while the runtime does not define them itself. */
const char __cp_begin[1], __cp_end[1], __cp_cancel[1];
