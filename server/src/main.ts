import { startServer } from './startServer';
startServer();
