/* counter: a shared hit counter behind a mutex, giving up when the lock fails */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;

int count_hit(void)
{
    int rc = pthread_mutex_lock(&lock);
    int err = rc;

    if (err != 0)
        return -1;
    hits++;
    pthread_mutex_unlock(&lock);
    return 0;
}

int main(void)
{
    return count_hit() == 0 && hits == 1 ? 0 : 1;
}
