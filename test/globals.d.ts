declare const __PROJECT_ROOT__: string;
