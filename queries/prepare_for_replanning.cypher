// After a full load, first of two: refreshes the index samples, waiting up to $seconds, so the
// next plans are made on the statistics of the graph now published (decision 0033).
CALL db.prepareForReplanning($seconds)
