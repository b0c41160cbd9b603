/**
 * fabric-shim's ClientIdentity parses the caller's certificate on every invocation with @fidm/x509, which in
 * the in-memory network (two endorsements per transaction, thousands of transactions per suite) costs more
 * than the chaincode itself. Parsing is a pure function of the PEM and ClientIdentity only reads the result,
 * so the tests memoise it; what the chaincode sees is unchanged.
 */
interface CertificateClass {
  fromPEM(data: Buffer): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Certificate } = require('@fidm/x509') as { Certificate: CertificateClass };
const parse = Certificate.fromPEM.bind(Certificate);
const parsed = new Map<string, unknown>();

Certificate.fromPEM = (data: Buffer): unknown => {
  const pem = data.toString();
  let certificate = parsed.get(pem);
  if (certificate === undefined) {
    certificate = parse(data);
    parsed.set(pem, certificate);
  }
  return certificate;
};
