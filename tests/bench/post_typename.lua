-- wrk script: POST { __typename } as the Flutter app would (JSON body).
wrk.method = "POST"
wrk.body = '{"query":"{ __typename }"}'
wrk.headers["Content-Type"] = "application/json"
