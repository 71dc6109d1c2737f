package org.osr.cli;
public class Main { public static void main(String[] a) {} }
