// Verifies that a request comes from the WhatsApp gateway (docs/CONTRACT.md §3). Node 16+, no packages.
const crypto = require('crypto');

const TOLERANCE_SECONDS = 300;

// headers: lower-case names, as Node's http module gives them; rawBody: a Buffer, exactly as received.
function verifyGatewaySignature(secret, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = headers['x-vendin-timestamp'];
  const signature = headers['x-vendin-signature'];
  if (typeof timestamp !== 'string' || !/^[0-9]{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  if (typeof signature !== 'string' || !/^v1=[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = crypto.createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(timestamp + '.').update(rawBody).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(signature.slice(3), 'hex'));
}

module.exports = { verifyGatewaySignature };

// From a shell: INSTANCE_SECRET=... node verify.js <timestamp> <signature> < body.json
if (require.main === module) {
  const [timestamp, signature] = process.argv.slice(2);
  const headers = { 'x-vendin-timestamp': timestamp, 'x-vendin-signature': signature };
  const ok = verifyGatewaySignature(process.env.INSTANCE_SECRET, headers, require('fs').readFileSync(0));
  console.log(ok ? 'valid' : 'invalid');
  process.exit(ok ? 0 : 1);
}
