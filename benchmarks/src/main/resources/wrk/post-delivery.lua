-- wrk script: POSTs a signed-looking 500-byte delivery, as the worker does, to the loopback receiver.
-- wrk -t1 -c16 -d10s -s post-delivery.lua http://127.0.0.1:PORT/o/org_0/wrk
local body = '{"event_type":"VIDEO_READY","event_id":"evt_wrk","created_at":"2026-11-29T12:00:00Z","payload":{"id":"vid_1","name":"'
    .. string.rep("x", 380) .. '","tags":["sports"]}}'
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "mediahooks/bench"
wrk.headers["webhook-id"] = "msg_wrk"
wrk.headers["webhook-timestamp"] = "1764417600"
wrk.headers["webhook-signature"] = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
wrk.headers["X-FP-Webhook-Signature-Hmac-Sha-256"] = string.rep("ab", 32)
