// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Opbox {

/**
 * Encrypts and decrypts secrets at rest with AES-256-GCM (OpenSSL EVP): a random 96-bit nonce per
 * value and the owning row's id as associated data, so a ciphertext moved to another row fails.
 * Immutable after construction, so it is safe to share between threads.
 */
class Vault
{
public:
    static constexpr int KeySize = 32;
    explicit Vault(QByteArray key);
    ~Vault();

    /** `0x01 | nonce(12) | ciphertext | tag(16)` */
    [[nodiscard]] Result<QByteArray> encrypt(const QByteArray &plaintext, const QByteArray &associatedData) const;
    /** Fails (never returns garbage) on a wrong key, a flipped byte or another row's associated data. */
    [[nodiscard]] Result<QByteArray> decrypt(const QByteArray &blob, const QByteArray &associatedData) const;

    [[nodiscard]] Result<QByteArray> encryptJson(const QJsonObject &object, const QByteArray &associatedData) const;
    [[nodiscard]] Result<QJsonObject> decryptJson(const QByteArray &blob, const QByteArray &associatedData) const;

    /** HMAC-SHA256 with a key derived from the master key (for signed OAuth state and the like). */
    [[nodiscard]] QByteArray hmac(const QByteArray &purpose, const QByteArray &message) const;

    [[nodiscard]] static QByteArray generateKey();

private:
    QByteArray m_key;
};

} // namespace Opbox
