// DynamoDB Local keeps one database per access key and region (unless -sharedDb), so the
// server needs both from every request. Signatures are never checked: any well-formed
// SigV4 credential scope is accepted, as DynamoDB Local does.
import type { IncomingHttpHeaders } from 'node:http';

export interface CredentialScope {
  accessKeyId: string;
  region: string;
}

// `Credential=AKID/20200101/us-east-1/dynamodb/aws4_request` in the Authorization header,
// or the same value in the `X-Amz-Credential` query parameter of a presigned request. The
// service may be empty: the `aws4` library leaves it out for an IP-address host it cannot
// read a service from, and DynamoDB Local answers such requests.
const SCOPE = /^([^/]+)\/\d{8}\/([^/]+)\/[^/]*\/aws4_request$/;

function parseScope(credential: string): CredentialScope | undefined {
  const match = SCOPE.exec(credential.trim());
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return { accessKeyId: match[1], region: match[2] };
}

export function credentialScope(headers: IncomingHttpHeaders, url: string): CredentialScope | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('AWS4-')) {
    const credential = /Credential=([^,\s]+)/.exec(authorization)?.[1];
    return credential === undefined ? undefined : parseScope(credential);
  }
  const query = new URL(url, 'http://localhost').searchParams.get('X-Amz-Credential');
  return query === null ? undefined : parseScope(query);
}
