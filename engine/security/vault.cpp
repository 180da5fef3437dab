// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/vault.h"
#include "base/ids.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr char LegacyFormat = 0x01;
constexpr char CurrentFormat = 0x02;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
constexpr int LegacyHeaderSize = 1;
constexpr int CurrentHeaderSize = 1 + Vault::KeyIdSize;

// One label per use of the master key: the same key never serves two purposes.
const QByteArray AesLabel = QByteArrayLiteral("opbox-pipelines/v2/aes-256-gcm");
const QByteArray HmacLabel = QByteArrayLiteral("opbox-pipelines/v2/hmac-sha256");
const QByteArray KeyIdLabel = QByteArrayLiteral("opbox-pipelines/v2/key-id");

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

struct KdfDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

Error cryptoError(const char *what)
{
    return Error{Error::Kind::Internal, u"CRYPTO_ERROR"_s, QCoreApplication::translate("Vault", what), {}};
}

Error corrupt()
{
    return Error{Error::Kind::Internal,
                 u"SECRET_CORRUPT"_s,
                 QCoreApplication::translate("Vault", "a stored secret is damaged or in an unknown format"),
                 {}};
}

Error authFailed()
{
    return Error{Error::Kind::Internal,
                 u"SECRET_AUTH_FAILED"_s,
                 QCoreApplication::translate("Vault", "a stored secret failed authentication: wrong master key or tampered data"),
                 {}};
}

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}
} // namespace

Vault::Vault(QByteArray masterKey)
{
    Q_ASSERT(masterKey.size() == KeySize);
    m_aesKey = deriveKey(masterKey, AesLabel);
    m_hmacKey = deriveKey(masterKey, HmacLabel);
    m_keyId = deriveKey(masterKey, KeyIdLabel, KeyIdSize);
    m_legacyKey = masterKey;
    m_legacyKey.detach();
    wipe(masterKey);
}

Vault::~Vault()
{
    wipe(m_aesKey);
    wipe(m_hmacKey);
    wipe(m_legacyKey);
}

void Vault::wipe(QByteArray &bytes)
{
    // data() detaches a shared copy first, so this never scribbles over another owner's bytes.
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

QByteArray Vault::generateKey()
{
    return Ids::randomBytes(KeySize);
}

QByteArray Vault::deriveKey(const QByteArray &secret, const QByteArray &info, int length)
{
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    QByteArray out(length, Qt::Uninitialized);
    if (!ctx)
        qFatal("HKDF is not available in this OpenSSL");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(secret.constData()), size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(info.constData()), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()), params) != 1)
        qFatal("HKDF derivation failed");
    return out;
}

bool Vault::isCurrent(const QByteArray &blob) const
{
    return blob.size() >= CurrentHeaderSize + NonceSize + TagSize && blob.at(0) == CurrentFormat
        && Ids::sameBytes(blob.mid(1, KeyIdSize), m_keyId);
}

Result<QByteArray> Vault::encrypt(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    const QByteArray nonce = Ids::randomBytes(NonceSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError("cannot create a cipher context");
    QByteArray out;
    out.reserve(CurrentHeaderSize + NonceSize + plaintext.size() + TagSize);
    out.append(CurrentFormat);
    out.append(m_keyId);
    // The header is authenticated with the row's binding: a value cannot be relabelled.
    const QByteArray aad = out + associatedData;
    out.append(nonce);
    QByteArray cipher(plaintext.size(), Qt::Uninitialized);
    QByteArray tag(TagSize, Qt::Uninitialized);
    int len = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_aesKey), bytes(nonce)) != 1)
        return cryptoError("cannot initialise encryption");
    if (EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        return cryptoError("cannot authenticate the associated data");
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len, bytes(plaintext),
                              int(plaintext.size()))
            != 1)
            return cryptoError("encryption failed");
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + written, &len) != 1)
        return cryptoError("encryption failed");
    written += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data()) != 1)
        return cryptoError("cannot read the authentication tag");
    out.append(cipher.constData(), written);
    out.append(tag);
    return out;
}

Result<QByteArray> Vault::decrypt(const QByteArray &blob, const QByteArray &associatedData) const
{
    if (blob.isEmpty())
        return corrupt();
    if (blob.at(0) == LegacyFormat) {
        if (blob.size() < LegacyHeaderSize + NonceSize + TagSize)
            return corrupt();
        return open(m_legacyKey, blob.mid(LegacyHeaderSize, NonceSize),
                    blob.mid(LegacyHeaderSize + NonceSize, blob.size() - LegacyHeaderSize - NonceSize - TagSize),
                    blob.right(TagSize), associatedData);
    }
    if (blob.at(0) != CurrentFormat || blob.size() < CurrentHeaderSize + NonceSize + TagSize)
        return corrupt();
    if (!Ids::sameBytes(blob.mid(1, KeyIdSize), m_keyId)) {
        Error e = authFailed();
        e.message = QCoreApplication::translate("Vault",
                                                "a stored secret failed authentication: it was sealed with "
                                                "another master key");
        return e;
    }
    return open(m_aesKey, blob.mid(CurrentHeaderSize, NonceSize),
                blob.mid(CurrentHeaderSize + NonceSize, blob.size() - CurrentHeaderSize - NonceSize - TagSize),
                blob.right(TagSize), blob.left(CurrentHeaderSize) + associatedData);
}

Result<QByteArray> Vault::open(const QByteArray &key, const QByteArray &nonce, const QByteArray &cipher, const QByteArray &tag,
                               const QByteArray &associatedData) const
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError("cannot create a cipher context");
    int len = 0;
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    QByteArray tagCopy = tag;
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1)
        return cryptoError("cannot initialise decryption");
    if (!associatedData.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1)
        return cryptoError("cannot authenticate the associated data");
    int written = 0;
    if (!cipher.isEmpty()) {
        if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, bytes(cipher), int(cipher.size()))
            != 1)
            return cryptoError("decryption failed");
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tagCopy.data()) != 1)
        return cryptoError("cannot set the authentication tag");
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + written, &len) != 1) {
        wipe(plain);
        return authFailed();
    }
    written += len;
    plain.truncate(written);
    return plain;
}

Result<QByteArray> Vault::encryptJson(const QJsonObject &object, const QByteArray &associatedData) const
{
    QByteArray plain = QJsonDocument(object).toJson(QJsonDocument::Compact);
    auto sealed = encrypt(plain, associatedData);
    wipe(plain);
    return sealed;
}

Result<QJsonObject> Vault::decryptJson(const QByteArray &blob, const QByteArray &associatedData) const
{
    auto plain = decrypt(blob, associatedData);
    if (!plain)
        return plain.error();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*plain, &err);
    wipe(*plain);
    if (!doc.isObject())
        return Error{Error::Kind::Internal,
                     u"SECRET_CORRUPT"_s,
                     QCoreApplication::translate("Vault", "a stored secret is not valid JSON"),
                     {}};
    return doc.object();
}

QByteArray Vault::hmac(const QByteArray &purpose, const QByteArray &message) const
{
    // A key per purpose, derived from the HMAC key: one use of a signature cannot forge another's.
    QByteArray subKey = deriveKey(m_hmacKey, HmacLabel + '/' + purpose);
    const QByteArray mac = QMessageAuthenticationCode::hash(message, subKey, QCryptographicHash::Sha256);
    wipe(subKey);
    return mac;
}

} // namespace Opbox
