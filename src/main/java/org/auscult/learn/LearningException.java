package org.auscult.learn;

/** Training or evaluating a model failed inside Weka; the message says which step and why. */
public class LearningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LearningException(String message, Throwable cause) {
        super(message, cause);
    }
}
