package dev.jcoder.provisionerd.terraform;

/** A template whose resources break one of Coder's rules (duplicate names, slugs, parameters). */
final class InvalidTemplateException extends Exception {
    InvalidTemplateException(String message) {
        super(message);
    }
}
