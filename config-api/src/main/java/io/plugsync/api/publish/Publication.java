package io.plugsync.api.publish;

import io.plugsync.api.draft.DraftView;

/** A publish's answer and the draft as it is afterwards. */
record Publication(PublishResult result, DraftView draft) {}
