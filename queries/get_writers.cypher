// Answers: which writers hold or wait for the writer lock (transactions tagged by the loader)?
SHOW TRANSACTIONS YIELD transactionId, metaData, startTime, currentQuery
WHERE metaData.smekg = 'writer'
RETURN transactionId, metaData.holder AS holder, toString(startTime) AS since
ORDER BY since
