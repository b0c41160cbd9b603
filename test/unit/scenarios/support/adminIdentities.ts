import type { ClientIdentity } from 'fabric-shim-api';
import type { OrgKey } from '../../../../chaincode/src/api';
import { identities } from '../../../support/identities';

/**
 * Self-signed certificates of each organisation's admin (subject `OU=admin`, as cryptogen issues them), so that
 * the chaincode, which reads the admin role from the certificate itself, sees these callers as admins on the
 * in-memory ledger. A stopgap until test/support's identities carry certificates of their own.
 */
const ADMIN_CERTIFICATES: Readonly<Record<OrgKey, string>> = {
  mining: `-----BEGIN CERTIFICATE-----
MIICHzCCAcWgAwIBAgIUWOe09FIYMlyUKlb+I+I9Lfcqn28wCgYIKoZIzj0EAwIw
ZDELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFjAUBgNVBAcMDVNh
biBGcmFuY2lzY28xDjAMBgNVBAsMBWFkbWluMRgwFgYDVQQDDA9BZG1pbkBNaW5p
bmdNU1AwIBcNMjYxMjAyMTYwMjA1WhgPMjEyNjExMDgxNjAyMDVaMGQxCzAJBgNV
BAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRYwFAYDVQQHDA1TYW4gRnJhbmNp
c2NvMQ4wDAYDVQQLDAVhZG1pbjEYMBYGA1UEAwwPQWRtaW5ATWluaW5nTVNQMFkw
EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHISYsypVn9DoHGQy/vuDIJ2LYQm+6MeA
A7jp7m6w7AKxzQOih1sTpMXVZmBIFKtMiBal+EihIMuYx6A63Tp2taNTMFEwHQYD
VR0OBBYEFA68x4TWi82/f819aBD2FyJhaUFyMB8GA1UdIwQYMBaAFA68x4TWi82/
f819aBD2FyJhaUFyMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIg
T6WvHQ4pgEVleuEiJ2qhfTKyAKfHacy6K/6qCMiBvAICIQCw7yOky/a4dZTQsGib
LhN5M88OBWU4dfN1d6jzw65gog==
-----END CERTIFICATE-----
`,
  manufacturing: `-----BEGIN CERTIFICATE-----
MIICLjCCAdOgAwIBAgIUWNeFypZ1wSpywn8N9dvqerWx1zYwCgYIKoZIzj0EAwIw
azELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFjAUBgNVBAcMDVNh
biBGcmFuY2lzY28xDjAMBgNVBAsMBWFkbWluMR8wHQYDVQQDDBZBZG1pbkBNYW51
ZmFjdHVyaW5nTVNQMCAXDTI2MTIwMjE2MDIwNVoYDzIxMjYxMTA4MTYwMjA1WjBr
MQswCQYDVQQGEwJVUzETMBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwNU2Fu
IEZyYW5jaXNjbzEOMAwGA1UECwwFYWRtaW4xHzAdBgNVBAMMFkFkbWluQE1hbnVm
YWN0dXJpbmdNU1AwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARS2QM/LyUCxgtP
hCz1JvNrVKectggeHLXKU38ypCrpccR4JQi/0r0xsK/M3Pr5YMPyV+qqqz0Y6O0Q
GGi3FNA4o1MwUTAdBgNVHQ4EFgQUa6gWir2w+m5QghftoGycGUVk+UwwHwYDVR0j
BBgwFoAUa6gWir2w+m5QghftoGycGUVk+UwwDwYDVR0TAQH/BAUwAwEB/zAKBggq
hkjOPQQDAgNJADBGAiEAspMvlkzBTVDJ+rwunIM5gNzaI1vjeZiLj8gz0Sv6aLIC
IQDyKDNzBR1ojj4Sxc6l3lm9Go6cZgg54cbNorw7Yiv1aA==
-----END CERTIFICATE-----
`,
  recycling: `-----BEGIN CERTIFICATE-----
MIICJTCCAcugAwIBAgIUXUnFkNoUnqUFCtMVtmitcjFEG98wCgYIKoZIzj0EAwIw
ZzELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFjAUBgNVBAcMDVNh
biBGcmFuY2lzY28xDjAMBgNVBAsMBWFkbWluMRswGQYDVQQDDBJBZG1pbkBSZWN5
Y2xpbmdNU1AwIBcNMjYxMjAyMTYwMjA1WhgPMjEyNjExMDgxNjAyMDVaMGcxCzAJ
BgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRYwFAYDVQQHDA1TYW4gRnJh
bmNpc2NvMQ4wDAYDVQQLDAVhZG1pbjEbMBkGA1UEAwwSQWRtaW5AUmVjeWNsaW5n
TVNQMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEOqUriMkVMub5Pyr3vZxSnDap
8/doowTUaJdTu8WbUTbGHvWDQ7Z781HBAoMsLtDCV68tcju+xy2/CbKuALK9rqNT
MFEwHQYDVR0OBBYEFLfEv+GlI8DTwj7y+yokJ4ExG6mYMB8GA1UdIwQYMBaAFLfE
v+GlI8DTwj7y+yokJ4ExG6mYMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwID
SAAwRQIgPGZs31mTJ/+h9aYOmyaYqzmMA9VrU0GrSMHrHHlxigsCIQDNEqwKZkki
YSfNgyhWfEyhVcvfwwzYanzBe75U3gcHqg==
-----END CERTIFICATE-----
`,
  audit: `-----BEGIN CERTIFICATE-----
MIICITCCAcegAwIBAgIUSt/f4JUSyi3AgFGsH/g0KavLAhQwCgYIKoZIzj0EAwIw
ZTELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFjAUBgNVBAcMDVNh
biBGcmFuY2lzY28xDjAMBgNVBAsMBWFkbWluMRkwFwYDVQQDDBBBZG1pbkBBdWRp
dG9yTVNQMCAXDTI2MTIwMjE2MDIwNVoYDzIxMjYxMTA4MTYwMjA1WjBlMQswCQYD
VQQGEwJVUzETMBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwNU2FuIEZyYW5j
aXNjbzEOMAwGA1UECwwFYWRtaW4xGTAXBgNVBAMMEEFkbWluQEF1ZGl0b3JNU1Aw
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT7bN+i4zDX4M+kfHlf2p+HeXP0czBt
HS2fJKIGIwz60Ga6LIudJ600kWb/wFISu+kCI7xgk82nvTE3pQN5B2WTo1MwUTAd
BgNVHQ4EFgQUW1sECx7NqlOytyrmbwbZyAzNDcEwHwYDVR0jBBgwFoAUW1sECx7N
qlOytyrmbwbZyAzNDcEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBF
AiEA6Cq+3TIAbHGVsAJ2xqZI858zXa98R2X2crftqcmTcm0CIEdvdYaCUbCrZDG1
Z3l0eZAZQIpXj8+R63I+WIyO3n+O
-----END CERTIFICATE-----
`,
};

/** A client identity that presents a real certificate and otherwise answers as the identity it wraps. */
class CertifiedIdentity implements ClientIdentity {
  readonly #base: ClientIdentity;
  readonly #certificate: Uint8Array;

  constructor(base: ClientIdentity, certificatePem: string) {
    this.#base = base;
    this.#certificate = Buffer.from(certificatePem, 'utf8');
  }

  assertAttributeValue(attrName: string, attrValue: string): boolean {
    return this.#base.assertAttributeValue(attrName, attrValue);
  }
  getAttributeValue(attrName: string): string | null {
    return this.#base.getAttributeValue(attrName);
  }
  getID(): string {
    return this.#base.getID();
  }
  getIDBytes(): Uint8Array {
    return this.#certificate;
  }
  getMSPID(): string {
    return this.#base.getMSPID();
  }
}

/** Each organisation's admin, presenting its certificate. */
export const adminIdentities: Readonly<Record<OrgKey, ClientIdentity>> = {
  mining: new CertifiedIdentity(identities.miningAdmin, ADMIN_CERTIFICATES.mining),
  manufacturing: new CertifiedIdentity(identities.manufacturingAdmin, ADMIN_CERTIFICATES.manufacturing),
  recycling: new CertifiedIdentity(identities.recyclingAdmin, ADMIN_CERTIFICATES.recycling),
  audit: new CertifiedIdentity(identities.auditorAdmin, ADMIN_CERTIFICATES.audit),
};
