/* SSH-like agent: a request carries a key id and the signature blob length */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_BLOB 16384u

struct sign_req {
    uint32_t key_id;
    uint32_t flags;
    uint32_t blob_len;
};

unsigned char *read_blob(int fd, struct sign_req *req)
{
    unsigned char *blob;

    if (read(fd, req, sizeof *req) != (ssize_t)sizeof *req)
        return NULL;
    blob = malloc(req->blob_len); // flaw
    if (!blob)
        return NULL;
    if (read(fd, blob, req->blob_len) != (ssize_t)req->blob_len) {
        free(blob);
        return NULL;
    }
    return blob;
}
