/*
 * media_gql.h: the GraphQL adapter of the media domain: Mutation.uploadImage (a file sent with
 * the GraphQL multipart request spec) and its UploadPayload, and Mutation.presignImageUpload. A
 * signed-in viewer owns the upload; without one (or with a token that does not check out) the
 * upload is anonymous, as on the app's REST endpoint. Refusals the user can act on (type, size,
 * pixels, damaged file, rate limit) come back as success false with the reason in message; only
 * internal failures are GraphQL errors.
 */
#ifndef WM_MARKET_MEDIA_GQL_H
#define WM_MARKET_MEDIA_GQL_H

#include "graphql/graphql.h"

/* Mutation.uploadImage(file: Upload!): UploadPayload. */
gql_resolve_fn media_gql_upload_image;

/* Mutation.presignImageUpload(contentType, bytes): PresignedUpload {url, key, expiresAt,
 * publicUrl}; needs a signed-in viewer. Failures are GraphQL errors (no payload type). */
gql_resolve_fn media_gql_presign_upload;

#endif
