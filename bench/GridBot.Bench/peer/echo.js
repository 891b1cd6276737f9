// The peer of the bench's `peer` scenario: the Bot Framework JS SDK echo bot (botbuilder + express), conversation state
// over MemoryStorage, auth off (no app id), expectReplies answered in the response. Prints "listening PORT" once up.
const express = require('express');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } = require('botbuilder');
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const turns = conversationState.createProperty('turns');
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`Echo ${count}: ${context.activity.text}`);
      await next();
    });
  }
  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}
const bot = new EchoBot();
const app = express();
app.use(express.json());
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
