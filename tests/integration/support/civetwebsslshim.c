/*
 * Test harness only: lets Debian 12's Orthanc 1.10 serve HTTPS.
 *
 * Orthanc's civetweb (libcivetweb1 1.15) loads OpenSSL at run time with dlopen("libssl.so")
 * and looks up SSL_get_peer_certificate, which OpenSSL 3 no longer exports (it became a macro
 * for SSL_get1_peer_certificate). The missing symbol is left null and civetweb calls it for
 * every HTTPS connection: Orthanc crashes (SIGSEGV) on its first TLS client.
 *
 * This library is built as "libssl.so" in a directory of its own, which the harness puts on
 * Orthanc's LD_LIBRARY_PATH. It depends on the real libssl.so.3, so dlsym() through it finds
 * every other function in OpenSSL 3 unchanged, and it adds the one that is missing, with the
 * same contract (the reference is the caller's to free, as in OpenSSL 1.1).
 */
#include <openssl/ssl.h>

#undef SSL_get_peer_certificate

X509* SSL_get_peer_certificate(const SSL* ssl);

X509* SSL_get_peer_certificate(const SSL* ssl)
{
    return SSL_get1_peer_certificate(ssl);
}
