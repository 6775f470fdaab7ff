import { generate } from "selfsigned";

export interface Certificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate: the server presents it, the client trusts it. */
  cert: string;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost (or an app's
 * client certificate, RSA), made at test
 * start (the Outlook and Teams meeting adapter: nothing secret is committed). The client trusts it by
 * passing it as `ca` (graph/http/https-fetch.ts explains why not
 * NODE_EXTRA_CA_CERTS). `notBeforeDate` is backdated a day so a test that
 * runs just after midnight, or a skewed clock, still accepts it.
 */
export async function makeCertificate(
  commonName = "localhost",
  keyType: "ec" | "rsa" = "ec",
): Promise<Certificate> {
  const now = Date.now();
  const pems = await generate([{ name: "commonName", value: commonName }], {
    // P-256 for the server: made in milliseconds and cheap per handshake (the
    // fault tests reconnect after every dropped connection). An app's client
    // certificate must be RSA: Entra ID and MSAL sign assertions with RS256/PS256.
    ...(keyType === "ec" ? { keyType: "ec" as const, curve: "P-256" as const } : { keySize: 2048 }),
    algorithm: "sha256",
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 7 * 86_400_000),
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true, clientAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
