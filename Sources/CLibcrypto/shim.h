#ifndef TANDEM_CLIBCRYPTO_SHIM_H
#define TANDEM_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto (Debian: libssl-dev, which libpq-dev already pulls in), for SHA-256 only.
// The low-level SHA256_Init/Update/Final: a SHA256_CTX is a plain C struct, so Swift's value-type
// `SHA256` copies it as it copies itself. OpenSSL 3 marks them deprecated in favour of EVP
// (whose context is a heap object) but keeps them, with the same CPU dispatch (SHA extensions).
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#endif
