/**
 * The command line's feature extraction and classification as an Apache Spark application, for an archive too large
 * for one machine: the same analysis per recording, read from any path Hadoop reads, written as a table.
 */
package org.auscult.spark;
