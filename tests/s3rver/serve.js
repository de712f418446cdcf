// serve.js: the S3-compatible stand-in the media tests run the S3 storage backend against:
// @20minutes/s3rver (which checks AWS SigV4 header and presigned-query signatures) on loopback,
// with ONE key pair (the test's) instead of s3rver's built-in S3RVER/S3RVER, and unsigned
// requests refused (s3rver alone lets them through as anonymous), so a request signed with a
// wrong secret or not signed at all fails like it would on AWS.
//
//   node serve.js --dir DIR --bucket NAME --access-key ID --secret-key SECRET --port-file FILE
//
// Binds 127.0.0.1 on a free port, creates the bucket, writes the port to FILE once listening,
// and runs until SIGTERM.
'use strict';

const fs = require('node:fs');
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');

function args(argv) {
    const out = {};
    for (let i = 2; i < argv.length; i += 2) {
        if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
        out[argv[i].slice(2)] = argv[i + 1];
    }
    for (const k of ['dir', 'bucket', 'access-key', 'secret-key', 'port-file'])
        if (!out[k]) throw new Error(`missing --${k}`);
    return out;
}

async function main() {
    const a = args(process.argv);
    AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
    AWSAccount.DUMMY_ACCOUNT.createKeyPair(a['access-key'], a['secret-key']);
    fs.mkdirSync(a.dir, { recursive: true });
    const server = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: a.dir,
        vhostBuckets: false,
        configureBuckets: [{ name: a.bucket }],
    });
    // Before every other middleware: no signature, no access.
    server.middleware.unshift(async (ctx, next) => {
        const signed = 'authorization' in ctx.headers || 'X-Amz-Algorithm' in ctx.query;
        if (!signed) {
            ctx.status = 403;
            ctx.type = 'application/xml';
            ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>' +
                '<Message>Anonymous access is not allowed</Message></Error>';
            return;
        }
        return next();
    });
    const addr = await server.run();
    fs.writeFileSync(a['port-file'] + '.tmp', String(addr.port));
    fs.renameSync(a['port-file'] + '.tmp', a['port-file']);
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
    process.on('SIGINT', () => server.close().then(() => process.exit(0)));
}

main().catch((e) => {
    console.error(`s3 stand-in: ${e.message}`);
    process.exit(1);
});
