// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Opbox {

/**
 * Encrypts and decrypts secrets at rest with AES-256-GCM (OpenSSL EVP): a random 96-bit nonce per
 * value and the owning row's id as associated data, so a ciphertext moved to another row fails.
 * The AES key, the HMAC keys and the key id are derived from the master key with HKDF-SHA256
 * under distinct labels, so no two uses share key material and every value names the key that
 * sealed it. Immutable after construction, so it is safe to share between threads.
 */
class Vault
{
public:
    static constexpr int KeySize = 32;
    static constexpr int KeyIdSize = 8;
    /** Derives the keys; this copy of `masterKey` is wiped once they are derived. */
    explicit Vault(QByteArray masterKey);
    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    /** `0x02 | keyId(8) | nonce(12) | ciphertext | tag(16)`; the header is authenticated too. */
    [[nodiscard]] Result<QByteArray> encrypt(const QByteArray &plaintext, const QByteArray &associatedData) const;
    /**
     * Fails (never returns garbage) on a wrong key, a flipped byte or another row's associated
     * data. Also opens values of the first format (`0x01 | nonce | ciphertext | tag`, sealed with
     * the raw master key and no key id), so that they can be resealed.
     */
    [[nodiscard]] Result<QByteArray> decrypt(const QByteArray &blob, const QByteArray &associatedData) const;
    /** Whether `blob` is in the current format and names this vault's key (no need to reseal it). */
    [[nodiscard]] bool isCurrent(const QByteArray &blob) const;

    [[nodiscard]] Result<QByteArray> encryptJson(const QJsonObject &object, const QByteArray &associatedData) const;
    [[nodiscard]] Result<QJsonObject> decryptJson(const QByteArray &blob, const QByteArray &associatedData) const;

    /** HMAC-SHA256 under a key derived for `purpose` (signed OAuth state and the like). */
    [[nodiscard]] QByteArray hmac(const QByteArray &purpose, const QByteArray &message) const;

    /** Identifies the master key without revealing anything about it. */
    [[nodiscard]] QByteArray keyId() const { return m_keyId; }

    [[nodiscard]] static QByteArray generateKey();
    /** HKDF-SHA256 (RFC 5869, empty salt) of `length` bytes from `secret` under the label `info`. */
    [[nodiscard]] static QByteArray deriveKey(const QByteArray &secret, const QByteArray &info, int length = KeySize);
    /** Overwrites the bytes of `bytes` (a key copy) and empties it. */
    static void wipe(QByteArray &bytes);

private:
    [[nodiscard]] Result<QByteArray> open(const QByteArray &key, const QByteArray &nonce, const QByteArray &cipher,
                                          const QByteArray &tag, const QByteArray &associatedData) const;

    QByteArray m_aesKey;
    QByteArray m_hmacKey;
    QByteArray m_legacyKey; // the raw master key, only to open first-format values
    QByteArray m_keyId;
};

} // namespace Opbox
