// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/vault.h"
#include "base/ids.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr char FormatVersion = 0x01;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

Error cryptoError(const char *what)
{
    return Error{Error::Kind::Internal, u"CRYPTO_ERROR"_s, QCoreApplication::translate("Vault", what), {}};
}
} // namespace

Vault::Vault(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT(m_key.size() == KeySize);
}

Vault::~Vault()
{
    OPENSSL_cleanse(m_key.data(), size_t(m_key.size()));
}

QByteArray Vault::generateKey()
{
    return Ids::randomBytes(KeySize);
}

Result<QByteArray> Vault::encrypt(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    const QByteArray nonce = Ids::randomBytes(NonceSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError("cannot create a cipher context");
    int len = 0;
    QByteArray out;
    out.reserve(1 + NonceSize + plaintext.size() + TagSize);
    out.append(FormatVersion);
    out.append(nonce);
    QByteArray cipher(plaintext.size(), Qt::Uninitialized);
    QByteArray tag(TagSize, Qt::Uninitialized);
    const auto *key = reinterpret_cast<const unsigned char *>(m_key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key, iv) != 1)
        return cryptoError("cannot initialise encryption");
    if (!associatedData.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                             int(associatedData.size()))
            != 1)
        return cryptoError("cannot authenticate the associated data");
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len,
                              reinterpret_cast<const unsigned char *>(plaintext.constData()), int(plaintext.size()))
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
    if (blob.size() < 1 + NonceSize + TagSize || blob.at(0) != FormatVersion)
        return Error{Error::Kind::Internal,
                     u"SECRET_CORRUPT"_s,
                     QCoreApplication::translate("Vault", "a stored secret is damaged or in an unknown format"),
                     {}};
    const QByteArray nonce = blob.mid(1, NonceSize);
    const QByteArray cipher = blob.mid(1 + NonceSize, blob.size() - 1 - NonceSize - TagSize);
    QByteArray tag = blob.right(TagSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError("cannot create a cipher context");
    int len = 0;
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    const auto *key = reinterpret_cast<const unsigned char *>(m_key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key, iv) != 1)
        return cryptoError("cannot initialise decryption");
    if (!associatedData.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                             int(associatedData.size()))
            != 1)
        return cryptoError("cannot authenticate the associated data");
    int written = 0;
    if (!cipher.isEmpty()) {
        if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len,
                              reinterpret_cast<const unsigned char *>(cipher.constData()), int(cipher.size()))
            != 1)
            return cryptoError("decryption failed");
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) != 1)
        return cryptoError("cannot set the authentication tag");
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + written, &len) != 1) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return Error{
            Error::Kind::Internal,
            u"SECRET_AUTH_FAILED"_s,
            QCoreApplication::translate("Vault", "a stored secret failed authentication: wrong master key or tampered data"),
            {}};
    }
    written += len;
    plain.truncate(written);
    return plain;
}

Result<QByteArray> Vault::encryptJson(const QJsonObject &object, const QByteArray &associatedData) const
{
    return encrypt(QJsonDocument(object).toJson(QJsonDocument::Compact), associatedData);
}

Result<QJsonObject> Vault::decryptJson(const QByteArray &blob, const QByteArray &associatedData) const
{
    auto plain = decrypt(blob, associatedData);
    if (!plain)
        return plain.error();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*plain, &err);
    OPENSSL_cleanse(plain->data(), size_t(plain->size()));
    if (!doc.isObject())
        return Error{Error::Kind::Internal,
                     u"SECRET_CORRUPT"_s,
                     QCoreApplication::translate("Vault", "a stored secret is not valid JSON"),
                     {}};
    return doc.object();
}

QByteArray Vault::hmac(const QByteArray &purpose, const QByteArray &message) const
{
    // Derive a per-purpose key so that one HMAC use cannot forge another's.
    const QByteArray subKey = QMessageAuthenticationCode::hash(purpose, m_key, QCryptographicHash::Sha256);
    return QMessageAuthenticationCode::hash(message, subKey, QCryptographicHash::Sha256);
}

} // namespace Opbox
