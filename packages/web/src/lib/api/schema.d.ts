/**
 * Generated from the server's OpenAPI document by `npm run api:generate -w @meetbridge/web`; do not edit.
 * test/api-schema.test.ts fails when this file no longer matches the server.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/rooms/{provider_room_name}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is in a mock provider room now (the mock provider's presence) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider_room_name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Who is in the mock call now, in joining order. */
                            participants: {
                                /** Format: date-time */
                                joined_at: string;
                                session_id: string;
                                user_id: string | null;
                                user_name: string | null;
                            }[];
                            provider_room_name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Join a mock provider room
         * @description What a participant's client does on a real provider: the mock provider adds the participant to its presence and sends the signed `meeting.started` (first participant) and `participant.joined` webhooks.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider_room_name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_id?: string | null;
                        user_name?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            session_id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/rooms/{provider_room_name}/participants/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Leave a mock provider room
         * @description Sends the signed `participant.left` webhook, and `meeting.ended` when the room is empty afterwards.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider_room_name: string;
                    session_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/rooms/{provider_room_name}/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload what a mock room recorded
         * @description What a participant's client does in the mock room: uploads its recording (audio/webm from MediaRecorder, up to RECORDING_MAX_BYTES) with its join token as `Authorization: Bearer <token>`. It becomes a recording of the meeting, stored and validated like a provider's (`recording.validate`). 401 without a valid token, 403 for a token of another room, 413 when larger than the limit.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Your id of this recording (retries with the same id are the same recording). Default: a new one. */
                    recording_id?: string;
                };
                header?: never;
                path: {
                    provider_room_name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Meetbridge's recording id (`GET /v1/recordings/{recording_id}`).
                             */
                            recording_id: string;
                            /** @description `pending` until the upload is validated (then `stored` or `invalid`). */
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Meetbridge's recording id (`GET /v1/recordings/{recording_id}`).
                             */
                            recording_id: string;
                            /** @description `pending` until the upload is validated (then `stored` or `invalid`). */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and every migration is applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether each provider still sends its webhooks (the last periodic check)
         * @description One entry per platform whose webhook is managed through its API (capability webhookAdmin; such a provider may stop sending after failed deliveries). Updated every WEBHOOK_HEALTH_CHECK_SECONDS by the `webhook.health-check` job.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhooks: {
                                /** Format: date-time */
                                checked_at: string;
                                error: string | null;
                                failed_count: number | null;
                                platform: string;
                                /** @description When the periodic check last re-activated it. */
                                reactivated_at: string | null;
                                /**
                                 * @description "active": deliveries flow; "failed"/"inactive": the provider stopped sending (re-activation is attempted); "missing": no webhook registered; "error": the check itself failed.
                                 * @enum {string}
                                 */
                                state: "active" | "failed" | "inactive" | "unknown" | "missing" | "error";
                                url: string | null;
                                webhook_id: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The web app's runtime configuration (public)
         * @description Whether sign-in is needed and, for AUTH_BACKEND=jwt, the OpenID Connect issuer and client id of the web app.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auth: {
                                /**
                                 * @description none: every caller is the one local user, no sign-in; jwt: bearer tokens.
                                 * @enum {string}
                                 */
                                backend: "none" | "jwt";
                                /** @description How the web app signs users in (authorization code + PKCE); null when sign-in is not configured. */
                                oidc: {
                                    client_id: string;
                                    /** @description OpenID Connect issuer URL (discovery at /.well-known/openid-configuration). */
                                    issuer: string;
                                    scope: string;
                                } | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/daily/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Daily webhook
         * @description Verified over the raw body with the provider's signature algorithm, then stored once in the inbox and processed asynchronously.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the meetings of the caller's rooms
         * @description Newest first; `room_id` narrows to one room, `active=true` to live meetings (with their `num_clients`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description true: only live meetings (active, before their end date); false: only finished ones. */
                    active?: "true" | "false";
                    page?: number;
                    page_size?: number;
                    /** @description Only the meetings of this room. */
                    room_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                end_date: string;
                                /** @description Only returned to the room owner; null for everyone else. */
                                host_room_url: string | null;
                                /** Format: uuid */
                                id: string;
                                is_active: boolean;
                                is_locked: boolean;
                                num_clients: number;
                                /** @description Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page. */
                                participants?: {
                                    /** Format: date-time */
                                    joined_at: string;
                                    left_at: string | null;
                                    provider_session_id: string;
                                    user_id: string | null;
                                    user_name: string | null;
                                }[];
                                /** @description Path of the next page of participant sessions, or null on the last page (room owner only). */
                                participants_next?: string | null;
                                /** @description How many participant sessions the meeting has (room owner only). */
                                participants_total?: number;
                                platform: string;
                                provider_meeting_id: string;
                                provider_room_name: string;
                                recording_trigger: string;
                                recording_type: string;
                                /** Format: uuid */
                                room_id: string;
                                room_mode: string;
                                room_name: string;
                                room_size: number | null;
                                room_url: string;
                                /** Format: date-time */
                                start_date: string;
                            }[];
                            page: number;
                            page_size: number;
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a meeting
         * @description The room owner also gets the participant sessions, a page at a time (`participants_limit`, `participants_offset`).
         */
        get: {
            parameters: {
                query?: {
                    participants_limit?: number;
                    participants_offset?: number;
                };
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end_date: string;
                            /** @description Only returned to the room owner; null for everyone else. */
                            host_room_url: string | null;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_locked: boolean;
                            num_clients: number;
                            /** @description Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page. */
                            participants?: {
                                /** Format: date-time */
                                joined_at: string;
                                left_at: string | null;
                                provider_session_id: string;
                                user_id: string | null;
                                user_name: string | null;
                            }[];
                            /** @description Path of the next page of participant sessions, or null on the last page (room owner only). */
                            participants_next?: string | null;
                            /** @description How many participant sessions the meeting has (room owner only). */
                            participants_total?: number;
                            platform: string;
                            provider_meeting_id: string;
                            provider_room_name: string;
                            recording_trigger: string;
                            recording_type: string;
                            /** Format: uuid */
                            room_id: string;
                            room_mode: string;
                            room_name: string;
                            room_size: number | null;
                            room_url: string;
                            /** Format: date-time */
                            start_date: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record whether this participant agrees to the meeting being recorded
         * @description One decision per participant: the signed-in user, else `device_id` (an id the client keeps in local storage); a later answer replaces the earlier. Recording is never blocked: if anyone declines, once the recording is processed every source file (all tracks, in the provider's bucket) and the stored audio are deleted (`audio_deleted`). Rooms with `skip_consent` do not ask (`skipped`: nothing is stored).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        consent_given: boolean;
                        /** @description An id the client keeps (local storage) for anonymous participants; ignored when signed in (the user id is used). */
                        device_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consent_given: boolean;
                            /** Format: date-time */
                            decided_at: string;
                            /** Format: uuid */
                            meeting_id: string;
                            /** @description True when the room skips the consent question (`skip_consent`): nothing was recorded. */
                            skipped: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Deactivate a meeting (room owner only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end_date: string;
                            /** @description Only returned to the room owner; null for everyone else. */
                            host_room_url: string | null;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_locked: boolean;
                            num_clients: number;
                            /** @description Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page. */
                            participants?: {
                                /** Format: date-time */
                                joined_at: string;
                                left_at: string | null;
                                provider_session_id: string;
                                user_id: string | null;
                                user_name: string | null;
                            }[];
                            /** @description Path of the next page of participant sessions, or null on the last page (room owner only). */
                            participants_next?: string | null;
                            /** @description How many participant sessions the meeting has (room owner only). */
                            participants_total?: number;
                            platform: string;
                            provider_meeting_id: string;
                            provider_room_name: string;
                            recording_trigger: string;
                            recording_type: string;
                            /** Format: uuid */
                            room_id: string;
                            room_mode: string;
                            room_name: string;
                            room_size: number | null;
                            room_url: string;
                            /** Format: date-time */
                            start_date: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider webhooks received for a meeting, with their processing status (room owner only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Why the event was ignored or failed. */
                                error: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                occurred_at: string;
                                platform: string;
                                provider_event_id: string;
                                /** Format: date-time */
                                received_at: string;
                                /** @enum {string} */
                                status: "pending" | "processed" | "ignored" | "failed";
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A meeting's recordings
         * @description Newest first. The room owner also sees provider ids, sizes, errors and where the source files are.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description True once every source object and our stored audio were deleted (someone refused consent). */
                                audio_deleted: boolean;
                                /** Format: date-time */
                                created_at: string;
                                duration_ms: number | null;
                                /** @description Why it is `invalid` or `error`. Owner only. */
                                error: string | null;
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description `composite`: one mixed file; `tracks`: one file per participant.
                                 * @enum {string}
                                 */
                                kind: "composite" | "tracks";
                                /** @description Null for an orphan (no meeting matched). */
                                meeting_id: string | null;
                                platform: string;
                                /** @description Owner only. */
                                provider_recording_id: string | null;
                                recorded_at: string | null;
                                room_id: string | null;
                                /** @description Owner only. */
                                size_bytes: number | null;
                                /** @description Owner only. */
                                source: {
                                    bucket: string | null;
                                    keys: {
                                        key: string;
                                        participant_name: string | null;
                                        participant_session_id: string | null;
                                        start_offset_ms: number | null;
                                    }[];
                                    /** @enum {string} */
                                    kind: "bucket" | "provider" | "link" | "upload";
                                    region: string | null;
                                } | null;
                                /** @description `pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`. */
                                status: string;
                                tracks: {
                                    /** @description From ffprobe; null until validated. */
                                    duration_ms: number | null;
                                    participant_name: string | null;
                                    participant_session_id: string | null;
                                    participant_user_id: string | null;
                                    /** @description Owner only. */
                                    size_bytes: number | null;
                                    /** @description Where the track starts on the recording timeline (0 for a composite). */
                                    start_offset_ms: number;
                                }[];
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/recordings/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the meeting's recording (room owner only)
         * @description For rooms that record in the cloud on a provider the server starts recordings on (capability `serverSideRecording`): the `prompt` trigger, or starting again after a stop. Raw tracks (one file per participant) where the provider has them. Idempotent: a recording already running answers `already_recording`. 409 when the provider records by itself or the meeting has ended; 422 when the room does not record in the cloud; 502/503 when the provider fails or is rate limited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recording: {
                                /** @description True once every source object and our stored audio were deleted (someone refused consent). */
                                audio_deleted: boolean;
                                /** Format: date-time */
                                created_at: string;
                                duration_ms: number | null;
                                /** @description Why it is `invalid` or `error`. Owner only. */
                                error: string | null;
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description `composite`: one mixed file; `tracks`: one file per participant.
                                 * @enum {string}
                                 */
                                kind: "composite" | "tracks";
                                /** @description Null for an orphan (no meeting matched). */
                                meeting_id: string | null;
                                platform: string;
                                /** @description Owner only. */
                                provider_recording_id: string | null;
                                recorded_at: string | null;
                                room_id: string | null;
                                /** @description Owner only. */
                                size_bytes: number | null;
                                /** @description Owner only. */
                                source: {
                                    bucket: string | null;
                                    keys: {
                                        key: string;
                                        participant_name: string | null;
                                        participant_session_id: string | null;
                                        start_offset_ms: number | null;
                                    }[];
                                    /** @enum {string} */
                                    kind: "bucket" | "provider" | "link" | "upload";
                                    region: string | null;
                                } | null;
                                /** @description `pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`. */
                                status: string;
                                tracks: {
                                    /** @description From ffprobe; null until validated. */
                                    duration_ms: number | null;
                                    participant_name: string | null;
                                    participant_session_id: string | null;
                                    participant_user_id: string | null;
                                    /** @description Owner only. */
                                    size_bytes: number | null;
                                    /** @description Where the track starts on the recording timeline (0 for a composite). */
                                    start_offset_ms: number;
                                }[];
                                /** Format: date-time */
                                updated_at: string;
                            } | null;
                            /** @enum {string} */
                            status: "started" | "already_recording";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recording: {
                                /** @description True once every source object and our stored audio were deleted (someone refused consent). */
                                audio_deleted: boolean;
                                /** Format: date-time */
                                created_at: string;
                                duration_ms: number | null;
                                /** @description Why it is `invalid` or `error`. Owner only. */
                                error: string | null;
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description `composite`: one mixed file; `tracks`: one file per participant.
                                 * @enum {string}
                                 */
                                kind: "composite" | "tracks";
                                /** @description Null for an orphan (no meeting matched). */
                                meeting_id: string | null;
                                platform: string;
                                /** @description Owner only. */
                                provider_recording_id: string | null;
                                recorded_at: string | null;
                                room_id: string | null;
                                /** @description Owner only. */
                                size_bytes: number | null;
                                /** @description Owner only. */
                                source: {
                                    bucket: string | null;
                                    keys: {
                                        key: string;
                                        participant_name: string | null;
                                        participant_session_id: string | null;
                                        start_offset_ms: number | null;
                                    }[];
                                    /** @enum {string} */
                                    kind: "bucket" | "provider" | "link" | "upload";
                                    region: string | null;
                                } | null;
                                /** @description `pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`. */
                                status: string;
                                tracks: {
                                    /** @description From ffprobe; null until validated. */
                                    duration_ms: number | null;
                                    participant_name: string | null;
                                    participant_session_id: string | null;
                                    participant_user_id: string | null;
                                    /** @description Owner only. */
                                    size_bytes: number | null;
                                    /** @description Where the track starts on the recording timeline (0 for a composite). */
                                    start_offset_ms: number;
                                }[];
                                /** Format: date-time */
                                updated_at: string;
                            } | null;
                            /** @enum {string} */
                            status: "started" | "already_recording";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meeting_id}/recordings/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop the meeting's recording (room owner only)
         * @description Asks the provider to stop; the recording stays `pending` until the provider reports its file ready, then it is downloaded. Stopping when nothing records succeeds. Same 409/422 rules as start.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "stopping";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mock/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Mock (built-in) webhook
         * @description Verified over the raw body with the provider's signature algorithm, then stored once in the inbox and processed asynchronously.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the platforms rooms may use here
         * @description The configured platforms a room may be created on or moved to (a switched-off platform is left out), each with its declared capabilities; `is_default` marks the one new rooms get when they name none.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Platforms new rooms (and room edits) may choose here, in registry order. */
                            items: {
                                capabilities: {
                                    /** @description The provider room is deleted when a meeting ends. */
                                    delete_meeting: boolean;
                                    /** @description A meeting can be extended on the provider while people are in it. */
                                    extend_meeting: boolean;
                                    /** @description The provider issues a separate host URL for owners. */
                                    host_url: boolean;
                                    /** @description Joins use a per-participant token. */
                                    join_tokens: boolean;
                                    /** @description A logo can be uploaded. */
                                    logo: boolean;
                                    /** @description The provider room name is chosen before the create call, so a room whose create timed out is deleted by that name. */
                                    planned_room_names: boolean;
                                    /** @description A live presence API lists who is in the call now. */
                                    presence: boolean;
                                    /** @description Recordings can deliver one file per participant track. */
                                    raw_tracks: boolean;
                                    /** @description The provider hosts recordings and hands out download links. */
                                    recording_links: boolean;
                                    /** @description Recordings land in a bucket whose S3 event notifications (through SQS) announce them. */
                                    recording_notices: boolean;
                                    /** @description Finished recordings can be listed, so a poller finds those whose webhook was lost. */
                                    recording_polling: boolean;
                                    /** @description Meetbridge can find a finished recording's files. */
                                    recording_source: boolean;
                                    /** @description Recordings can be started from the server. */
                                    server_side_recording: boolean;
                                    /** @description A sessions API lists call sessions of a room. */
                                    sessions: boolean;
                                    /** @description The provider's webhook is managed through its API (registered, checked and re-activated). */
                                    webhook_admin: boolean;
                                };
                                display_name: string;
                                /** @description New rooms get this platform when they do not ask for one. */
                                is_default: boolean;
                                /**
                                 * @description The value of a room's "platform" field.
                                 * @enum {string}
                                 */
                                name: "mock" | "whereby" | "daily";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recordings/{recording_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a recording
         * @description The room owner also sees the provider id, sizes, errors and the source object keys.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    recording_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A recording of a meeting. The room owner sees where the files are and what went wrong; others a reduced view. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True once every source object and our stored audio were deleted (someone refused consent). */
                            audio_deleted: boolean;
                            /** Format: date-time */
                            created_at: string;
                            duration_ms: number | null;
                            /** @description Why it is `invalid` or `error`. Owner only. */
                            error: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `composite`: one mixed file; `tracks`: one file per participant.
                             * @enum {string}
                             */
                            kind: "composite" | "tracks";
                            /** @description Null for an orphan (no meeting matched). */
                            meeting_id: string | null;
                            platform: string;
                            /** @description Owner only. */
                            provider_recording_id: string | null;
                            recorded_at: string | null;
                            room_id: string | null;
                            /** @description Owner only. */
                            size_bytes: number | null;
                            /** @description Owner only. */
                            source: {
                                bucket: string | null;
                                keys: {
                                    key: string;
                                    participant_name: string | null;
                                    participant_session_id: string | null;
                                    start_offset_ms: number | null;
                                }[];
                                /** @enum {string} */
                                kind: "bucket" | "provider" | "link" | "upload";
                                region: string | null;
                            } | null;
                            /** @description `pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`. */
                            status: string;
                            tracks: {
                                /** @description From ffprobe; null until validated. */
                                duration_ms: number | null;
                                participant_name: string | null;
                                participant_session_id: string | null;
                                participant_user_id: string | null;
                                /** @description Owner only. */
                                size_bytes: number | null;
                                /** @description Where the track starts on the recording timeline (0 for a composite). */
                                start_offset_ms: number;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recordings/{recording_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download a recording in error again (room owner only)
         * @description For a recording whose download failed for good (`error`: its retries ran out, its worker was stopped on the last attempt, or the source was refused): sets it back to `pending` and queues its download, in one transaction. The source (bucket and keys, or the provider's link) is kept on the recording, so nothing needs to be reported again. 409 when the recording is not in `error`, when the provider reported it failed without a file, or when its audio was deleted (consent refused).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    recording_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A recording of a meeting. The room owner sees where the files are and what went wrong; others a reduced view. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True once every source object and our stored audio were deleted (someone refused consent). */
                            audio_deleted: boolean;
                            /** Format: date-time */
                            created_at: string;
                            duration_ms: number | null;
                            /** @description Why it is `invalid` or `error`. Owner only. */
                            error: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `composite`: one mixed file; `tracks`: one file per participant.
                             * @enum {string}
                             */
                            kind: "composite" | "tracks";
                            /** @description Null for an orphan (no meeting matched). */
                            meeting_id: string | null;
                            platform: string;
                            /** @description Owner only. */
                            provider_recording_id: string | null;
                            recorded_at: string | null;
                            room_id: string | null;
                            /** @description Owner only. */
                            size_bytes: number | null;
                            /** @description Owner only. */
                            source: {
                                bucket: string | null;
                                keys: {
                                    key: string;
                                    participant_name: string | null;
                                    participant_session_id: string | null;
                                    start_offset_ms: number | null;
                                }[];
                                /** @enum {string} */
                                kind: "bucket" | "provider" | "link" | "upload";
                                region: string | null;
                            } | null;
                            /** @description `pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`. */
                            status: string;
                            tracks: {
                                /** @description From ffprobe; null until validated. */
                                duration_ms: number | null;
                                participant_name: string | null;
                                participant_session_id: string | null;
                                participant_user_id: string | null;
                                /** @description Owner only. */
                                size_bytes: number | null;
                                /** @description Where the track starts on the recording timeline (0 for a composite). */
                                start_offset_ms: number;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's rooms */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                created_at: string;
                                /** Format: uuid */
                                id: string;
                                is_locked: boolean;
                                name: string;
                                /** @description The platform the next meeting will use. */
                                platform: string;
                                /** @enum {string} */
                                recording_trigger: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                                /** @enum {string} */
                                recording_type: "none" | "local" | "cloud";
                                /** @enum {string} */
                                room_mode: "normal" | "group";
                                room_size: number | null;
                                skip_consent: boolean;
                                /** Format: date-time */
                                updated_at: string;
                                user_id: string;
                                /** @description Whether a webhook secret is set (the secret itself is never returned). */
                                webhook_secret_set: boolean;
                                webhook_url: string | null;
                            }[];
                            page: number;
                            page_size: number;
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a room */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Participants must knock and be let in.
                         * @default false
                         */
                        is_locked?: boolean;
                        name: string;
                        /**
                         * @description Video provider; default DEFAULT_VIDEO_PLATFORM.
                         * @enum {string}
                         */
                        platform?: "mock" | "whereby" | "daily";
                        /**
                         * @default automatic-2nd-participant
                         * @enum {string}
                         */
                        recording_trigger?: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                        /**
                         * @default none
                         * @enum {string}
                         */
                        recording_type?: "none" | "local" | "cloud";
                        /**
                         * @description Room size class: normal (up to 4) or group.
                         * @default normal
                         * @enum {string}
                         */
                        room_mode?: "normal" | "group";
                        /**
                         * @description Maximum participants (2-200); null for the provider default.
                         * @default null
                         */
                        room_size?: number | null;
                        /**
                         * @description Do not ask participants for recording consent.
                         * @default false
                         */
                        skip_consent?: boolean;
                        /**
                         * @description Signing secret of the outbound webhook, `whsec_<base64>` (Standard Webhooks). Write-only: never returned.
                         * @default null
                         */
                        webhook_secret?: string | null;
                        /**
                         * @description Where Meetbridge POSTs `transcript.completed` (signed the Standard Webhooks way); null for none.
                         * @default null
                         */
                        webhook_url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: uuid */
                            id: string;
                            is_locked: boolean;
                            name: string;
                            /** @description The platform the next meeting will use. */
                            platform: string;
                            /** @enum {string} */
                            recording_trigger: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                            /** @enum {string} */
                            recording_type: "none" | "local" | "cloud";
                            /** @enum {string} */
                            room_mode: "normal" | "group";
                            room_size: number | null;
                            skip_consent: boolean;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description Whether a webhook secret is set (the secret itself is never returned). */
                            webhook_secret_set: boolean;
                            webhook_url: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms/{room_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a room by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: uuid */
                            id: string;
                            is_locked: boolean;
                            name: string;
                            /** @description The platform the next meeting will use. */
                            platform: string;
                            /** @enum {string} */
                            recording_trigger: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                            /** @enum {string} */
                            recording_type: "none" | "local" | "cloud";
                            /** @enum {string} */
                            room_mode: "normal" | "group";
                            room_size: number | null;
                            skip_consent: boolean;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description Whether a webhook secret is set (the secret itself is never returned). */
                            webhook_secret_set: boolean;
                            webhook_url: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a room and its meetings (owner only) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a room (owner only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        is_locked?: boolean;
                        name?: string;
                        /** @enum {string} */
                        platform?: "mock" | "whereby" | "daily";
                        /** @enum {string} */
                        recording_trigger?: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                        /** @enum {string} */
                        recording_type?: "none" | "local" | "cloud";
                        /** @enum {string} */
                        room_mode?: "normal" | "group";
                        room_size?: number | null;
                        skip_consent?: boolean;
                        /** @description Signing secret of the outbound webhook, `whsec_<base64>` (Standard Webhooks). Write-only: never returned. */
                        webhook_secret?: string | null;
                        /** @description Where Meetbridge POSTs `transcript.completed` (signed the Standard Webhooks way); null for none. */
                        webhook_url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: uuid */
                            id: string;
                            is_locked: boolean;
                            name: string;
                            /** @description The platform the next meeting will use. */
                            platform: string;
                            /** @enum {string} */
                            recording_trigger: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                            /** @enum {string} */
                            recording_type: "none" | "local" | "cloud";
                            /** @enum {string} */
                            room_mode: "normal" | "group";
                            room_size: number | null;
                            skip_consent: boolean;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description Whether a webhook secret is set (the secret itself is never returned). */
                            webhook_secret_set: boolean;
                            webhook_url: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/rooms/{room_id}/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The room's outbound webhook deliveries and their outcomes
         * @description Room owner only: 401 without a user, 403 for anyone else. Newest first.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path: {
                    room_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** Format: date-time */
                                created_at: string;
                                delivered_at: string | null;
                                /** @description `webhook-id` of every attempt of this event (the same across retries). */
                                event_id: string;
                                event_type: string;
                                /** Format: uuid */
                                id: string;
                                last_attempt_at: string | null;
                                last_error: string | null;
                                /** @description HTTP status of the last attempt; null when it got no answer. */
                                last_status: number | null;
                                next_attempt_at: string | null;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed";
                                transcript_id: string | null;
                                url: string;
                            }[];
                            page: number;
                            page_size: number;
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms/{room_name}/meeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the room's active meeting, or create one on the room's platform
         * @description Returns 200 with the active meeting when it still matches the room settings, 201 with a new one otherwise. 502 when the provider fails (nothing is stored); 503 with Retry-After when the provider is rate limited for longer than a request may wait.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Create a new meeting even if an active one exists.
                         * @default false
                         */
                        allow_duplicated?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end_date: string;
                            /** @description Only returned to the room owner; null for everyone else. */
                            host_room_url: string | null;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_locked: boolean;
                            num_clients: number;
                            /** @description Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page. */
                            participants?: {
                                /** Format: date-time */
                                joined_at: string;
                                left_at: string | null;
                                provider_session_id: string;
                                user_id: string | null;
                                user_name: string | null;
                            }[];
                            /** @description Path of the next page of participant sessions, or null on the last page (room owner only). */
                            participants_next?: string | null;
                            /** @description How many participant sessions the meeting has (room owner only). */
                            participants_total?: number;
                            platform: string;
                            provider_meeting_id: string;
                            provider_room_name: string;
                            recording_trigger: string;
                            recording_type: string;
                            /** Format: uuid */
                            room_id: string;
                            room_mode: string;
                            room_name: string;
                            room_size: number | null;
                            room_url: string;
                            /** Format: date-time */
                            start_date: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end_date: string;
                            /** @description Only returned to the room owner; null for everyone else. */
                            host_room_url: string | null;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_locked: boolean;
                            num_clients: number;
                            /** @description Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page. */
                            participants?: {
                                /** Format: date-time */
                                joined_at: string;
                                left_at: string | null;
                                provider_session_id: string;
                                user_id: string | null;
                                user_name: string | null;
                            }[];
                            /** @description Path of the next page of participant sessions, or null on the last page (room owner only). */
                            participants_next?: string | null;
                            /** @description How many participant sessions the meeting has (room owner only). */
                            participants_total?: number;
                            platform: string;
                            provider_meeting_id: string;
                            provider_room_name: string;
                            recording_trigger: string;
                            recording_type: string;
                            /** Format: uuid */
                            room_id: string;
                            room_mode: string;
                            room_name: string;
                            room_size: number | null;
                            room_url: string;
                            /** Format: date-time */
                            start_date: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms/{room_name}/meetings/{meeting_id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the URL (and token) this caller joins a meeting with
         * @description The room owner gets owner privileges: an owner token where the provider uses tokens, the host URL where it has one. A token is returned next to the URL, never in it: pass it to the provider's client. In a locked room everyone but the owner must knock. 409 for an inactive or ended meeting.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                    room_name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expires_at: string | null;
                            is_owner: boolean;
                            /**
                             * @description How to join: "url" = open url; "sdk" = connect the provider's client SDK to server_url with token.
                             * @enum {string}
                             */
                            kind: "url" | "sdk";
                            platform: string;
                            /** @description For kind "sdk": the server the client SDK connects to. Null for kind "url". */
                            server_url: string | null;
                            /** @description The caller's token where the provider uses one: pass it to the provider's client next to url (e.g. call.join({url, token})) for kind "url", or to the SDK for kind "sdk". Never put it in a URL. */
                            token: string | null;
                            /** @description For kind "url": the URL this caller should open (the host URL for the owner where the provider has one). It never carries a token. Null for kind "sdk". */
                            url: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms/{room_name}/meetings/{meeting_id}/joining": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reserve a place before joining
         * @description Call right before opening the room: for 30 s (or until a participant joins) the meeting is not deactivated, so people joining at the same time end up in the same provider room. 409 for an ended meeting.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    meeting_id: string;
                    room_name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: uuid */
                            meeting_id: string;
                            /** Format: uuid */
                            reservation_id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rooms/name/{room_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a room by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: uuid */
                            id: string;
                            is_locked: boolean;
                            name: string;
                            /** @description The platform the next meeting will use. */
                            platform: string;
                            /** @enum {string} */
                            recording_trigger: "none" | "prompt" | "automatic" | "automatic-2nd-participant";
                            /** @enum {string} */
                            recording_type: "none" | "local" | "cloud";
                            /** @enum {string} */
                            room_mode: "normal" | "group";
                            room_size: number | null;
                            skip_consent: boolean;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description Whether a webhook secret is set (the secret itself is never returned). */
                            webhook_secret_set: boolean;
                            webhook_url: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transcripts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the transcripts of the caller's rooms
         * @description Newest first, without segments; `room_id` and `meeting_id` narrow the list (a meeting page shows its recordings this way).
         */
        get: {
            parameters: {
                query?: {
                    meeting_id?: string;
                    page?: number;
                    page_size?: number;
                    room_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action_items: string[];
                                /** @description The mixed MP3 can be fetched from `/audio`. */
                                audio_available: boolean;
                                /** @description The audio was deleted because a participant refused consent; the text stays. */
                                audio_deleted: boolean;
                                completed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** @description Seconds. */
                                duration: number | null;
                                /** @description Why it stopped (`error`), what to configure (`awaiting_backend`), or, while a stage is retried, why its last attempt failed. */
                                error: string | null;
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description `tracks`: one file per participant; `composite`: one mixed file.
                                 * @enum {string}
                                 */
                                kind: "tracks" | "composite";
                                language: string | null;
                                meeting_id: string | null;
                                /** @description Progress of the current stage, 0–1. */
                                progress: number;
                                /** Format: uuid */
                                recording_id: string;
                                room_id: string | null;
                                /**
                                 * @description The stage the transcript is in, or failed in.
                                 * @enum {string}
                                 */
                                stage: "prepare" | "transcribe" | "summarize" | "done";
                                /**
                                 * @description `queued` → `preparing` → `transcribing` → `summarizing` → `done`; `error` (see `error`); `awaiting_backend`: no transcription backend is configured (see `error` for what to set); it resumes by itself once one is.
                                 * @enum {string}
                                 */
                                status: "queued" | "preparing" | "transcribing" | "summarizing" | "done" | "error" | "awaiting_backend";
                                summary: string | null;
                                /** @description Why a configured summary backend produced no summary (the transcript is still done). */
                                summary_error: string | null;
                                title: string | null;
                                topics: {
                                    summary: string;
                                    title: string;
                                }[];
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            page: number;
                            page_size: number;
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transcripts/{transcript_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a transcript with its segments, status and progress
         * @description Room owner only: 401 without a user, 403 for anyone else.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transcript_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action_items: string[];
                            /** @description The mixed MP3 can be fetched from `/audio`. */
                            audio_available: boolean;
                            /** @description The audio was deleted because a participant refused consent; the text stays. */
                            audio_deleted: boolean;
                            completed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Seconds. */
                            duration: number | null;
                            /** @description Why it stopped (`error`), what to configure (`awaiting_backend`), or, while a stage is retried, why its last attempt failed. */
                            error: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `tracks`: one file per participant; `composite`: one mixed file.
                             * @enum {string}
                             */
                            kind: "tracks" | "composite";
                            language: string | null;
                            meeting_id: string | null;
                            /** @description Progress of the current stage, 0–1. */
                            progress: number;
                            /** Format: uuid */
                            recording_id: string;
                            room_id: string | null;
                            segments: {
                                end: number;
                                /** @description Participant name (per-participant tracks), or Speaker N. */
                                speaker: string;
                                /** @description Seconds from the start of the recording. */
                                start: number;
                                text: string;
                                /** @description Word timings, where the backend gives them. */
                                words?: {
                                    end: number;
                                    start: number;
                                    word: string;
                                }[];
                            }[];
                            /**
                             * @description The stage the transcript is in, or failed in.
                             * @enum {string}
                             */
                            stage: "prepare" | "transcribe" | "summarize" | "done";
                            /**
                             * @description `queued` → `preparing` → `transcribing` → `summarizing` → `done`; `error` (see `error`); `awaiting_backend`: no transcription backend is configured (see `error` for what to set); it resumes by itself once one is.
                             * @enum {string}
                             */
                            status: "queued" | "preparing" | "transcribing" | "summarizing" | "done" | "error" | "awaiting_backend";
                            summary: string | null;
                            /** @description Why a configured summary backend produced no summary (the transcript is still done). */
                            summary_error: string | null;
                            title: string | null;
                            topics: {
                                summary: string;
                                title: string;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transcripts/{transcript_id}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mixed MP3 of the meeting (supports Range requests)
         * @description Room owner only: 401 without a user, 403 for anyone else. A single `Range: bytes=…` is answered 206; a range outside the file 416. 404 before the audio is prepared; 410 once it was deleted because a participant refused consent.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transcript_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description audio/mpeg */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description audio/mpeg, the requested range */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transcripts/{transcript_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a transcript as WebVTT, SRT, text or JSON
         * @description Room owner only: 401 without a user, 403 for anyone else. 409 until the transcript is done.
         */
        get: {
            parameters: {
                query?: {
                    /** @description WebVTT, SubRip, plain text or JSON. */
                    format?: "vtt" | "srt" | "txt" | "json";
                };
                header?: never;
                path: {
                    transcript_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The transcript as text/vtt, application/x-subrip, text/plain or application/json. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transcripts/{transcript_id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process the recording again (a new run)
         * @description Room owner only: 401 without a user, 403 for anyone else. 409 while a run is under way, or when the recording's audio was deleted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transcript_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action_items: string[];
                            /** @description The mixed MP3 can be fetched from `/audio`. */
                            audio_available: boolean;
                            /** @description The audio was deleted because a participant refused consent; the text stays. */
                            audio_deleted: boolean;
                            completed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Seconds. */
                            duration: number | null;
                            /** @description Why it stopped (`error`), what to configure (`awaiting_backend`), or, while a stage is retried, why its last attempt failed. */
                            error: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `tracks`: one file per participant; `composite`: one mixed file.
                             * @enum {string}
                             */
                            kind: "tracks" | "composite";
                            language: string | null;
                            meeting_id: string | null;
                            /** @description Progress of the current stage, 0–1. */
                            progress: number;
                            /** Format: uuid */
                            recording_id: string;
                            room_id: string | null;
                            segments: {
                                end: number;
                                /** @description Participant name (per-participant tracks), or Speaker N. */
                                speaker: string;
                                /** @description Seconds from the start of the recording. */
                                start: number;
                                text: string;
                                /** @description Word timings, where the backend gives them. */
                                words?: {
                                    end: number;
                                    start: number;
                                    word: string;
                                }[];
                            }[];
                            /**
                             * @description The stage the transcript is in, or failed in.
                             * @enum {string}
                             */
                            stage: "prepare" | "transcribe" | "summarize" | "done";
                            /**
                             * @description `queued` → `preparing` → `transcribing` → `summarizing` → `done`; `error` (see `error`); `awaiting_backend`: no transcription backend is configured (see `error` for what to set); it resumes by itself once one is.
                             * @enum {string}
                             */
                            status: "queued" | "preparing" | "transcribing" | "summarizing" | "done" | "error" | "awaiting_backend";
                            summary: string | null;
                            /** @description Why a configured summary backend produced no summary (the transcript is still done). */
                            summary_error: string | null;
                            title: string | null;
                            topics: {
                                summary: string;
                                title: string;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whereby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Whereby webhook
         * @description Verified over the raw body with the provider's signature algorithm, then stored once in the inbox and processed asynchronously.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
